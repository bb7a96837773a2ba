//go:build ignore

// Escape: classic pointer patterns: stores through parameters, self-referencing slices, type switches, arrays of pointers, variadic interfaces, loops and defers.
package main

var gp *int
var gpp **int
var sinkAny interface{}

type Node struct {
	v    int
	next *Node
	arr  [4]int
	sl   []int
}

func selfLoop(n *Node) { n.next = n }

func assignParam(xx, yy *int) { xx = yy; _ = xx }

func addrParam(xx **int, yy *int) { xx = &yy; _ = xx }

func storeThrough(xx **int, yy *int) { *xx = yy }

func copyThrough(xx **int, yy *int) { **xx = *yy }

func retPick(xx, yy *int) *int {
	xx = yy
	return xx
}

func globalDeref(yyy **int) { *gpp = *yyy }

func movedParam(yy *int) { gpp = &yy }

func (n *Node) arrSlice() []int { return n.arr[:] }

func (n *Node) leakSelf() { n.sl = n.arr[0:2] }

func (n *Node) leakSelf2() {
	var buf []int
	buf = n.arr[1:]
	n.sl = buf
}

func fieldAddr(n *Node) { n.next = &Node{v: n.v} }

func typesw(i interface{}) *int {
	switch val := i.(type) {
	case *int:
		return val
	case int8:
		v := int(val)
		return &v
	}
	return nil
}

func exprsw(i *int) *int {
	switch j := i; *j + 1 {
	case 12:
		return j
	}
	return nil
}

func arrElem(i *int) *int {
	var a [4]*int
	a[0] = i
	return a[1]
}

func arrElemNil(i *int) *int {
	var a [4]*int
	a[0] = i
	return nil
}

func newStruct(i *int) *int {
	type S struct{ a, b *int }
	s := new(S)
	s.a = i
	return nil
}

type M interface{ M() }
type MV int

func (MV) M() {}

func useM(m M)  {}
func callM(m M) { m.M() }

func mvals() {
	var a MV
	useM(&a)
	var b MV
	callM(&b)
	var c MV
	callM(c)
}

func appendLeak(x *int) []*int {
	var y []*int
	y = append(y, x)
	return y
}

func loopAddr() [3]*int {
	var y [3]*int
	for i := 0; i < 3; i++ {
		x := i
		y[i] = &x
	}
	return y
}

func loopAddrLocal() int {
	var y [3]*int
	for i := 0; i < 3; i++ {
		x := i
		y[i] = &x
	}
	return *y[0]
}

func deferLoop() {
	s := []int{3, 2, 1}
	for _, v := range s {
		vv := v
		defer func() { println(vv) }()
	}
}

func vprint(y *int, x ...interface{}) *int { return y }

func vprint1(y *int, x ...interface{}) *interface{} { return &x[0] }

func useV(z *int) {
	vprint(z, 1, 2, 3)
	vprint1(z, 1, 2, 3)
	vprint(nil, z)
	vprint1(nil, z)
}

func spreadV(z []interface{}) {
	vprint(nil, z...)
}

func spreadV1(z []interface{}) {
	vprint1(nil, z...)
}

func doubleAddr(z int) *int {
	y := &z
	x := &y
	return *x
}

func forNew() *int {
	var z *int
	for i := 0; i < 3; i++ {
		z = new(int)
	}
	return z
}

type Fooer interface{ Foo() }

type Limited struct {
	Fooer
	N int
}

func limit(r Fooer, n int) Fooer { return &Limited{r, n} }

func mapLit(x *int) map[*int]*int { return map[*int]*int{nil: x} }

func arrLit(x *int) [2]*int { return [2]*int{x, nil} }

func rangeChan(c chan *int) *int {
	for v := range c {
		return v
	}
	return nil
}

func rangeMap(m map[*int]*int, b bool) *int {
	for k, v := range m {
		if b {
			return k
		}
		return v
	}
	return nil
}

func arrParam(m [1]*int) *int { return m[0] }

func arrPtrSlice(m *[1]*int) []*int { return m[:] }

func rangeArr(m [1]*int) *int {
	for _, v := range m {
		return v
	}
	return nil
}

func copyGlobal(x []*int) { copy(globalSl, x) }

var globalSl []*int

func appendGlobal(x []*int) { _ = append(globalSl, x...) }

func appendOne(x *int) { _ = append(globalSl, x) }

func main() {
	n := &Node{}
	selfLoop(n)
	i, j := 1, 2
	assignParam(&i, &j)
	addrParam(nil, &j)
	p := &i
	storeThrough(&p, &j)
	copyThrough(&p, &j)
	println(*retPick(&i, &j))
	q := &i
	gpp = &q
	globalDeref(&p)
	movedParam(&i)
	println(len(n.arrSlice()))
	n.leakSelf()
	n.leakSelf2()
	fieldAddr(n)
	println(typesw(&i) != nil, exprsw(&i) != nil, arrElem(&i) == nil, arrElemNil(&i) == nil, newStruct(&i) == nil)
	mvals()
	println(len(appendLeak(&i)), *loopAddr()[2], loopAddrLocal())
	deferLoop()
	useV(&i)
	spreadV(nil)
	spreadV1([]interface{}{1})
	println(*doubleAddr(3), *forNew())
	println(limit(nil, 1) != nil, len(mapLit(&i)), arrLit(&i)[0] != nil)
	c := make(chan *int, 1)
	c <- &i
	println(rangeChan(c) != nil)
	println(rangeMap(map[*int]*int{&i: &j}, true) != nil)
	println(arrParam([1]*int{&i}) != nil, len(arrPtrSlice(&[1]*int{&j})), rangeArr([1]*int{&i}) != nil)
	copyGlobal(nil)
	appendGlobal(nil)
	appendOne(&j)
}
