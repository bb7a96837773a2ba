//go:build ignore

// Output: strings.Builder, strings.Join/Split/Replace/Fields/TrimFunc and byte-level building.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&sb, "%d,", i)
	}
	s := strings.TrimSuffix(sb.String(), ",")
	fmt.Println(s, sb.Len())
	parts := strings.Split(s, ",")
	fmt.Println(len(parts), strings.Join(parts, "+"))
	fmt.Println(strings.Replace("aaaa", "a", "b", 2), strings.ReplaceAll("aaaa", "a", "c"))
	fmt.Println(strings.TrimFunc("123abc456", unicode.IsDigit), strings.Map(unicode.ToUpper, "shout"))
	fmt.Printf("%q\n", strings.SplitN("a:b:c:d", ":", 2))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.LastIndex("go gopher", "go"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
}
