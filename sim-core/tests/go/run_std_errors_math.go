//go:build ignore

// Output: errors.Is/As through custom Is and multi-error Unwrap, os.Open's error, and math functions as Go computes them.
package main

import (
	"errors"
	"fmt"
	"math"
	"os"
)

var ErrBase = errors.New("base")

type codeErr struct{ code int }

func (e codeErr) Error() string        { return fmt.Sprint("code ", e.code) }
func (e codeErr) Is(target error) bool { return target == ErrBase }

type multi struct{ errs []error }

func (m *multi) Error() string   { return "multi" }
func (m *multi) Unwrap() []error { return m.errs }

func main() {
	e := fmt.Errorf("wrapped: %w", codeErr{7})
	fmt.Println(e, errors.Is(e, ErrBase), errors.Is(e, codeErr{7}), errors.Is(e, codeErr{8}))
	var ce codeErr
	fmt.Println(errors.As(e, &ce), ce.code)
	m := &multi{[]error{errors.New("x"), codeErr{3}}}
	fmt.Println(errors.Is(m, ErrBase), errors.As(m, &ce), ce.code, errors.Unwrap(m) == nil)
	j := errors.Join(nil, errors.New("one"), errors.New("two"))
	fmt.Println(j, errors.Join(nil, nil) == nil, errors.Is(nil, nil), errors.Is(e, nil))
	_, err := os.Open("missing.txt")
	fmt.Println(err, errors.Is(err, os.ErrNotExist), os.ErrNotExist)
	fmt.Println(os.Stdout.Name(), os.Stderr.Name())
	fmt.Println(math.Pow(2, 10), math.Pow(1.1, 3), math.Pow(2, -2), math.Pow(-8, 1.0/3), math.Pow(0, -1), math.Pow(10, 0.5))
	pi := math.Pi
	fmt.Println(math.Sin(1), math.Cos(1), math.Sin(math.Pi), math.Cos(pi/3), math.Sin(100), math.Cos(-2.5))
	fmt.Println(math.Hypot(3, 4), math.Hypot(1, 1), math.Sqrt(2), math.Mod(7, -3), math.Mod(-7.5, 2))
	fmt.Println(math.Max(-0.0, 0), math.Min(-0.0, 0), math.Max(math.NaN(), math.Inf(1)), math.Min(1, math.NaN()))
	fmt.Println(math.Round(-2.5), math.Round(2.5), math.Floor(-1.5), math.Ceil(-1.5), math.Trunc(-1.7), math.Abs(-3))
	fmt.Println(math.Log(10), math.Exp(1), math.IsNaN(math.NaN()), math.Inf(-1), math.MaxInt64, math.Pi)
}
