//go:build ignore

// Output: many goroutines increment a mutex-protected counter; WaitGroup waits for all.
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Add(k int) {
	c.mu.Lock()
	c.n += k
	c.mu.Unlock()
}

func main() {
	var wg sync.WaitGroup
	c := &Counter{}
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			c.Add(k)
		}(i)
	}
	wg.Wait()
	fmt.Println("total", c.n)
	results := make([]int, 5)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * 10
		}()
	}
	wg.Wait()
	fmt.Println(results)
}
