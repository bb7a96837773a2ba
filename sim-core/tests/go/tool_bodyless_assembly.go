//go:build ignore

// Functions declared without a body (their code would be assembly): gc
// assumes their pointer arguments leak unless //go:noescape says otherwise.
package main

func external(p *int)

//go:noescape
func quiet(p *int, q []byte)

//go:noescape

func quietAfterBlankLine(*int)

func blankAndUnnamed(_ *int, addr uintptr, n int)

func unnamed(uintptr, *int)

func keepsNothing(x, y int) int

func callsExternal(x *int) {
	external(x)
}

func callsQuiet() int {
	var a int
	buf := make([]byte, 16)
	quiet(&a, buf)
	var b int
	quietAfterBlankLine(&b)
	return a + b
}

func callsLeaky() int {
	var c int
	external(&c)
	return c + keepsNothing(1, 2)
}

func main() {
	x := 1
	callsExternal(&x)
	println(callsQuiet(), callsLeaky())
	var v int
	blankAndUnnamed(&v, 0, 1)
	unnamed(0, &v)
}
