package main

type T struct{ n int }

func (t *T) Inc() { t.n++ }

func local() int {
	t := &T{}
	f := t.Inc // method value, used locally
	f()
	return t.n
}

func escaping() func() {
	t := &T{}
	return t.Inc // method value returned: escapes
}

func main() {
	println(local())
	escaping()()
}
