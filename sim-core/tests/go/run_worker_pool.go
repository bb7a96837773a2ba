//go:build ignore

// Output: a worker pool with jobs and results channels; results are collected and sorted.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func worker(jobs <-chan int, results chan<- [2]int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- [2]int{j, j * j}
	}
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan [2]int, 10)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	for i := 1; i <= 9; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(results)
	var out [][2]int
	for r := range results {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	fmt.Println(out)
}
