//go:build ignore

// Escape: mutually recursive functions analysed as one group.
package main

var last *int

func even(p *int, n int) bool {
	if n == 0 {
		return true
	}
	return odd(p, n-1)
}

func odd(p *int, n int) bool {
	if n == 0 {
		last = p
		return false
	}
	return even(p, n-1)
}

func ping(s []int, n int) []int {
	if n == 0 {
		return s
	}
	return pong(s, n-1)
}

func pong(s []int, n int) []int {
	return ping(s, n)
}

func main() {
	v := 4
	println(even(&v, 4), odd(&v, 3), len(ping([]int{1}, 3)))
}
