//go:build ignore

// Escape: pointers stored as map values (and keys) escape, even when the map is local.
package main

type User struct{ Name string }

func index(names []string) map[string]*User {
	m := make(map[string]*User)
	for _, n := range names {
		u := User{Name: n}
		m[n] = &u
	}
	return m
}

func localOnly() int {
	m := map[*int]bool{}
	k := 1
	m[&k] = true
	return len(m)
}

func main() {
	m := index([]string{"ann", "bob"})
	println(len(m), m["bob"].Name, localOnly())
}
