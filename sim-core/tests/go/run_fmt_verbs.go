//go:build ignore

// Output: fmt verbs %d %s %v %+v %#v %q %x %X %o %b %e %f %g %T %c %U %t %% and widths.
package main

import "fmt"

type Point struct {
	X, Y int
	Tag  string
}

func main() {
	n := 255
	fmt.Printf("%d|%5d|%-5d|%05d|%+d\n", n, n, n, n, n)
	fmt.Printf("%x|%X|%o|%b|%#x|%08b\n", n, n, n, 5, n, 5)
	s := "go\"pher"
	fmt.Printf("%s|%q|%v|%10s|%-10s|%x\n", s, s, s, "right", "left", "hi")
	f := 3.14159
	fmt.Printf("%f|%.2f|%8.3f|%e|%g|%v\n", f, f, f, f, f, f)
	p := Point{1, 2, "a"}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	fmt.Printf("%v|%+v|%T\n", &p, &p, &p)
	fmt.Printf("%c|%U|%q|%d\n", 'G', 'G', 'G', 'G')
	fmt.Printf("%t|%v|%5t\n", true, false, true)
	fmt.Printf("%v|%d|%s|%q\n", []int{1, 2}, []int{3, 4}, []string{"a", "b"}, []string{"c"})
	fmt.Printf("%T|%T|%T|%T|%T\n", 1, 1.0, "s", []byte{}, map[string]int{})
	fmt.Printf("100%%|%v|%d\n", nil, "notanint")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Println(fmt.Sprintf("%6.2f|%-8v|%3c", 2.5, "x", 'y'))
}
