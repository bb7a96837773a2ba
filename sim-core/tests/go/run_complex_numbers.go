package main

import "fmt"

type Point complex128

func rotate(z complex128, turns int) complex128 {
	for i := 0; i < turns; i++ {
		z *= 1i
	}
	return z
}

func mag2(z complex64) float32 {
	return real(z)*real(z) + imag(z)*imag(z)
}

func main() {
	a := 3 + 4i
	b := complex(1.5, -2)
	var c complex64 = complex(float32(1)/3, 2)
	fmt.Println(a, b, c, a+b, a-b, a*b, a/b)
	fmt.Println(real(a), imag(b), mag2(c), a == 3+4i, a != b)
	fmt.Println(rotate(1+0i, 1), rotate(2, 3))
	fmt.Printf("%v %.2f %g %T %T\n", a, b, c, a, c)
	p := Point(a)
	fmt.Println(p, -a, complex128(c))
	var zero complex128
	fmt.Println(zero, a/zero)
	println(a)
	m := map[complex128]string{1i: "i", 1: "one"}
	fmt.Println(m[1i], m[1], len(m))
	const k = 2i * 2i
	fmt.Println(k, real(k))
	s := []complex64{1, 2i}
	fmt.Println(s, fmt.Sprint(1+1i))
}
