package main

import "fmt"

func main() {
	héllo := 0x1p-2
	fmt.Println(héllo, 1_000, 0o17, 0b1010, 0x_FF, 1e3, .5, 3i, 'a', '\n', '\x41', '\u00e9', "\U0001F600", `raw
string`)
	for range 3 {
	}
	for i := range 2 {
		_ = i
	}
	var c chan<- <-chan int
	_ = c
	x := [...]int{1, 2}
	s := struct{ a int }{1}
	var y interface{} = x
	switch v := y.(type) {
	case [2]int:
		_ = v
	}
	f := func(xs ...int) int { return len(xs) }
	fmt.Println(x[:1:2], s, f(x[:]...))
}
