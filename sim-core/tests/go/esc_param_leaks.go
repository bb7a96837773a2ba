//go:build ignore

// Escape: parameter summaries: leaking to heap, to a result, content leaks, and no escape.
package main

var sink any
var psink *int

func toHeap(p *int)             { psink = p }
func toResult(p *int) *int      { return p }
func contentToHeap(pp **int)    { psink = *pp }
func contentToResult(pp **int) *int { return *pp }
func readOnly(p *int) int       { return *p + 1 }
func sliceRead(s []int) int     { return len(s) + s[0] }
func toIface(p *int)            { sink = p }
func toIfaceVal(v int)          { sink = v }
func stringLeak(s string) string { return s }

func main() {
	a, b, c, d, e := 1, 2, 3, 4, 5
	toHeap(&a)
	q := toResult(&b)
	pc := &c
	contentToHeap(&pc)
	pd := &d
	r := contentToResult(&pd)
	println(*q, *r, readOnly(&e), sliceRead([]int{9}))
	f := 6
	toIface(&f)
	toIfaceVal(7)
	println(stringLeak("s"))
}
