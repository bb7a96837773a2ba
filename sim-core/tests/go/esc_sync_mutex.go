//go:build ignore

// Escape: sync.Mutex embedded in a struct, methods with pointer receivers, local and global counters.
package main

import "sync"

type SafeCounter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *SafeCounter) Inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func (c *SafeCounter) Get(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[k]
}

func main() {
	c := SafeCounter{n: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc("k")
		}()
	}
	wg.Wait()
	var mu sync.Mutex
	mu.Lock()
	println(c.Get("k"))
	mu.Unlock()
}
