//go:build ignore

// A clean program using embedding, method sets, errors.As, sort.Sort, closures, select, goto and more.
package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type File struct{ data []string }

func (f *File) Read() string   { return strings.Join(f.data, ",") }
func (f *File) Write(s string) { f.data = append(f.data, s) }

type Logged struct {
	*File
	prefix string
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func find(code int) error {
	if code > 0 {
		return &MyErr{Code: code}
	}
	return nil
}

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type Op func(a, b int) int

type Calc struct {
	ops map[string]Op
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func sum(xs ...int) (t int) {
	for _, x := range xs {
		t += x
	}
	return t
}

func pair() (int, int) { return 7, 2 }

func main() {
	var rw ReadWriter = &File{}
	rw.Write("a")
	l := Logged{File: &File{}, prefix: ">"}
	l.Write("x")
	var r Reader = l
	fmt.Println(rw.Read(), r.Read(), l.prefix)

	err := find(3)
	var me *MyErr
	if errors.As(err, &me) {
		fmt.Println(me.Code)
	}
	words := byLen{"ccc", "a", "bb"}
	sort.Sort(words)
	fmt.Println(words)

	c := Calc{ops: map[string]Op{
		"add": func(a, b int) int { return a + b },
	}}
	fmt.Println(c.ops["add"](1, 2))
	fmt.Println(divmod(pair()))
	nums := []int{1, 2, 3}
	fmt.Println(sum(nums...), sum(), sum(1, 2))

	type point struct{ x, y int }
	a, b := point{1, 2}, point{1, 2}
	fmt.Println(a == b, [2]point{a, b}[1].y)
	anon := struct {
		Name string
		Tags map[string][]int
	}{Name: "n", Tags: map[string][]int{"t": {1, 2}}}
	fmt.Println(anon.Tags["t"][1])

	for i, r := range "héllo" {
		if r == 'l' {
			fmt.Println(i, string(r))
		}
	}
	const mask uint8 = 0xF0
	var v uint8 = 0xAB
	fmt.Println(v&mask, v|^mask, v<<1, v>>4, v&^mask)

	var funcs []func() int
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i * i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	toUpper := strings.ToUpper
	fmt.Println(toUpper("x"))
	read := (*File).Read
	fmt.Println(read(&File{data: []string{"q"}}))

	ch := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 0; i < 2; i++ {
			ch <- i
		}
		quit <- true
	}()
loop:
	for {
		select {
		case v := <-ch:
			fmt.Println("got", v)
		case <-quit:
			break loop
		}
	}
	var x any = 3
	switch v := x.(type) {
	case string, []byte:
		fmt.Println("text", v)
	case int:
		fmt.Println(v + 1)
	}
	i := 0
retry:
	i++
	if i < 3 {
		goto retry
	}
	if x := 5; x > 3 {
		fmt.Println(x)
	} else if y := x * 2; y > 0 {
		fmt.Println(y)
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d", 42)
	fmt.Fprintln(os.Stderr, sb.String(), len(sb.String()))
	var arr [5]int
	s := arr[1:3:4]
	p := &arr
	p[0] = 9
	fmt.Println(len(s), cap(s), p[0], len(p))
	m := map[string]int{"a": 1}
	if v, ok := m["a"]; ok {
		delete(m, "a")
		fmt.Println(v)
	}
	clear(m)
	fmt.Println(max(1, 2.5), min("b", "a"))
}
