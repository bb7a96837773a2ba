//go:build ignore

// Output: the strings package on ASCII, Unicode and invalid UTF-8 input.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	em := " \t\n hi \u2003"
	bad := string([]byte{0xff})
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.Split("héllo", ""))
	fmt.Printf("%q %q\n", strings.SplitN("a,b,c,d", ",", 3), strings.SplitN("x", ",", 0))
	ws := "  one\ttwo\u00a0three\n "
	fmt.Printf("%q\n", strings.Fields(ws))
	fmt.Println(strings.ToUpper("straße ǆ ﬁ"), strings.ToLower("ΣΑΣ İ"), strings.Title("hello wörld o'neil"))
	fmt.Println(strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("σς", "ΣΣ"), strings.EqualFold("K", "\u212a"))
	fmt.Println(strings.Contains("seafood", "foo"), strings.ContainsRune("abc"+bad, '\uFFFD'), strings.Index("chicken", "ken"))
	fmt.Println(strings.LastIndex("go gopher", "go"), strings.LastIndex("x", ""), strings.IndexByte("golang", 'l'))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Count("aaaa", "aa"))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("abc", "", "-", -1), strings.ReplaceAll("banana", "a", ""))
	fmt.Printf("[%s] [%s] [%s]\n", strings.TrimSpace(em), strings.Trim("¡¡¡Hello, Gophers!!!", "!¡"), strings.Trim("xx", ""))
	fmt.Println(strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	fmt.Println(strings.TrimFunc("¡¡¡Hello, Gophers!!!", func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return unicode.ToUpper(r)
	}, "banana"+bad+"é"))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	fmt.Printf("%q %q %v\n", before, after, found)
	r := strings.NewReplacer("a", "1", "aa", "2", "b", "")
	fmt.Println(r.Replace("aaab"), strings.NewReplacer("", "-").Replace("ab"), strings.NewReplacer("hello", "bye").Replace("hello hello"))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, ", "), strings.Join(nil, "-") == "", strings.Repeat("ab", 3))
	parts := strings.Split("", ",")
	fmt.Println(len(parts), cap(strings.Split("a,b", ",")), strings.Fields("") == nil)
	var sb strings.Builder
	sb.WriteString("x")
	sb.WriteByte('y')
	sb.WriteRune('é')
	sb.WriteRune(-1)
	fmt.Println(sb.String(), sb.Len())
}
