//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

func f() int {
	for {
		break
	}
}

func g(x int) int {
	switch x {
	case 1:
		return 1
	}
}

func h() (result int) {
	result = 1
	return
}

func main() {
	f()
	g(1)
	h()
	break
}
