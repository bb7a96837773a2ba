package main

import "sync"

func main() {
	var wg sync.WaitGroup
	count := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		count++
	}()
	wg.Wait()
	println(count)
}
