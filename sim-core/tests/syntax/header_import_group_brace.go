package main

import (
	"errors"
	"fmt"}	"sort"
)

func main() {
	fmt.Println(errors.New("x"), sort.IsSorted)
}
