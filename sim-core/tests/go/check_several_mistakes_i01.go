//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance float64
}

func (a *Account) Deposit(amount float64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += amount
}

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 2
	}
	jobs <- 1
}

func main() {
	var wg sync.WaitGroup
	acc := Account{}
	for i := 0; i < 3; i++ {
		wg.Add()
		go func() {
			defer wg.Done()
			acc.Deposit(i)
		}()
	}
	wg.Wait(1)
	var x int = 2.5
	y := 10 / 4.0
	var z int = y
	fmt.Println(x, z, acc.balance, worker)
}
