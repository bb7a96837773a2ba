//go:build ignore

// Escape: goroutines with a WaitGroup and arguments passed by value or by pointer.
package main

import "sync"

type Result struct{ Sum int }

func worker(id int, res *Result, mu *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	res.Sum += id
	mu.Unlock()
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	res := Result{}
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go worker(i, &res, &mu, &wg)
	}
	wg.Wait()
	println(res.Sum)
}
