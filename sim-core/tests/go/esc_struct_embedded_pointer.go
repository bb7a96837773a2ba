//go:build ignore

// Escape: structs embedding pointers and interfaces; storing a value in an interface field.
package main

import "fmt"

type Logger struct{ prefix string }

func (l *Logger) Log(s string) string { return l.prefix + s }

type Service struct {
	*Logger
	Name  string
	Extra fmt.Stringer
}

type id int

func (i id) String() string { return fmt.Sprint(int(i)) }

func newService(name string) *Service {
	l := Logger{prefix: "[svc] "}
	return &Service{Logger: &l, Name: name, Extra: id(7)}
}

func localService() string {
	l := Logger{prefix: "[local] "}
	s := Service{Logger: &l}
	return s.Log("x")
}

func main() {
	s := newService("api")
	println(s.Log(s.Name), localService(), s.Extra.String())
}
