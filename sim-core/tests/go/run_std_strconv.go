//go:build ignore

// Output: strconv parsing, formatting, quoting and its error values.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"0x1f", "0b101", "0o17", "017", "1_000", "-9223372036854775808", "9223372036854775808", "+5", "_1", "z"} {
		n, err := strconv.ParseInt(s, 0, 64)
		fmt.Println(n, err)
	}
	n, err := strconv.ParseInt("-129", 10, 8)
	fmt.Println(n, err, errors.Is(err, strconv.ErrRange))
	_, err = strconv.ParseInt("12", 1, 64)
	fmt.Println(err)
	_, err = strconv.ParseInt("12", 10, 65)
	fmt.Println(err)
	for _, s := range []string{"3.25", "1e400", "-1e-400", "inf", "-Infinity", "NaN", ".5", "1_0.5", "0x1.8p1", "1e", "abc", "2.5e-3"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(f, err)
	}
	f32, err := strconv.ParseFloat("3.4e39", 32)
	fmt.Println(f32, err)
	f32, err = strconv.ParseFloat("0.1", 32)
	fmt.Println(f32, err)
	_, err = strconv.Atoi("12a")
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax, errors.Unwrap(err))
	fmt.Printf("%T %v\n", err, err)
	for _, x := range []float64{0, 1, -2.5, 123456789, 1e21, 1e-7, 0.1, 2.0 / 3, 1e100, 5e-324} {
		fmt.Println(strconv.FormatFloat(x, 'g', -1, 64), strconv.FormatFloat(x, 'e', 3, 64), strconv.FormatFloat(x, 'f', 2, 64),
			strconv.FormatFloat(x, 'g', 4, 64), strconv.FormatFloat(x, 'G', 10, 32), strconv.FormatFloat(x, 'f', -1, 32))
	}
	fmt.Println(strconv.FormatFloat(0.125, 'f', 2, 64), strconv.FormatFloat(2.5, 'f', 0, 64), strconv.FormatFloat(1.5, 'x', -1, 64),
		strconv.FormatFloat(3, 'b', -1, 64), strconv.FormatFloat(-0.0, 'g', -1, 64), strconv.FormatFloat(100, 'g', 5, 64))
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatInt(35, 36), strconv.Itoa(0), string(strconv.AppendInt([]byte("n="), -42, 10)))
	zw := "\u200b☺"
	q := "héllo\n\t\"q\"\\ \x00\x7f" + string([]byte{0xff}) + zw
	fmt.Println(strconv.Quote(q), strconv.FormatBool(true))
	fmt.Printf("%q %+q %#q %q %+q %q\n", "日本\x01", "日本", "back`tick", 'x', '☺', '\n')
	for _, s := range []string{"1", "t", "TRUE", "False", "yes"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(b, err)
	}
}
