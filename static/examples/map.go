package main

func main() {
	m := map[string]*int{}
	x := 5
	m["x"] = &x
	println(*m["x"], len(m))
}
