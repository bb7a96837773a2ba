//go:build ignore

// Escape: builder-style methods returning the receiver; the chain keeps the value local.
package main

type Query struct {
	table string
	limit int
	where []string
}

func (q *Query) From(t string) *Query  { q.table = t; return q }
func (q *Query) Limit(n int) *Query    { q.limit = n; return q }
func (q *Query) Where(c string) *Query { q.where = append(q.where, c); return q }

func build() int {
	q := &Query{}
	q.From("users").Limit(10).Where("age > 3")
	return q.limit + len(q.where)
}

func buildReturned() *Query {
	var q Query
	return q.From("t").Limit(1)
}

func main() {
	println(build(), buildReturned().table)
}
