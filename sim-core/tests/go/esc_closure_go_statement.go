//go:build ignore

// Escape: a closure started with go escapes, and so do the variables it captures by reference.
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	results := make([]int, 3)
	total := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			results[i] = i * i
			total += i
			mu.Unlock()
		}()
	}
	wg.Wait()
	println(results[0], results[1], results[2], total)
}
