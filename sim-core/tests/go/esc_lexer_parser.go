//go:build ignore

// Escape: a small lexer and expression parser: token slices, closures over local stacks, interface trees, comparable structs as map keys.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

type Token struct {
	Kind  string
	Value string
	Pos   int
}

type Lexer struct {
	src    string
	pos    int
	tokens []Token
}

func (l *Lexer) emit(kind string, start int) {
	l.tokens = append(l.tokens, Token{kind, l.src[start:l.pos], start})
}

func (l *Lexer) Run() []Token {
	for l.pos < len(l.src) {
		c := rune(l.src[l.pos])
		start := l.pos
		switch {
		case unicode.IsSpace(c):
			l.pos++
			continue
		case unicode.IsDigit(c):
			for l.pos < len(l.src) && unicode.IsDigit(rune(l.src[l.pos])) {
				l.pos++
			}
			l.emit("num", start)
		default:
			l.pos++
			l.emit("op", start)
		}
	}
	return l.tokens
}

type Node interface{ Eval() int }
type Num int
type BinOp struct {
	Op   byte
	L, R Node
}

func (n Num) Eval() int { return int(n) }
func (b *BinOp) Eval() int {
	switch b.Op {
	case '+':
		return b.L.Eval() + b.R.Eval()
	case '*':
		return b.L.Eval() * b.R.Eval()
	}
	return 0
}

func parse(toks []Token) Node {
	var stack []Node
	var ops []byte
	reduce := func() {
		r, l := stack[len(stack)-1], stack[len(stack)-2]
		stack = stack[:len(stack)-2]
		stack = append(stack, &BinOp{ops[len(ops)-1], l, r})
		ops = ops[:len(ops)-1]
	}
	for _, t := range toks {
		if t.Kind == "num" {
			v, _ := strconv.Atoi(t.Value)
			stack = append(stack, Num(v))
			continue
		}
		for len(ops) > 0 && ops[len(ops)-1] == '*' {
			reduce()
		}
		ops = append(ops, t.Value[0])
	}
	for len(ops) > 0 {
		reduce()
	}
	return stack[0]
}

func main() {
	l := &Lexer{src: "2 + 3 * 4 + 1"}
	toks := l.Run()
	var parts []string
	for _, t := range toks {
		parts = append(parts, t.Kind+":"+t.Value)
	}
	fmt.Println(strings.Join(parts, " "))
	tree := parse(toks)
	fmt.Println(tree.Eval())
	a, b := Token{"x", "1", 0}, Token{"x", "1", 0}
	fmt.Println(a == b, a != Token{})
	counts := map[Token]int{a: 1}
	counts[b]++
	fmt.Println(counts[a])
}
