//go:build ignore

// Output: fmt prints maps with sorted keys; delete, comma-ok, len, nested maps and zero values.
package main

import "fmt"

func main() {
	ages := map[string]int{"carol": 41, "alice": 30, "bob": 25}
	fmt.Println(ages)
	ages["dave"] = 19
	delete(ages, "bob")
	v, ok := ages["bob"]
	fmt.Println(v, ok, len(ages))
	fmt.Printf("%v\n%+v\n", ages, ages)
	nums := map[int]string{3: "c", 1: "a", 2: "b", -1: "neg"}
	fmt.Println(nums)
	nested := map[string][]int{"b": {2}, "a": {1, 1}}
	fmt.Println(nested)
	var nilMap map[string]int
	fmt.Println(nilMap, nilMap["x"], len(nilMap))
	set := map[rune]bool{}
	for _, r := range "hello" {
		set[r] = true
	}
	fmt.Println(set, len(set))
	fmt.Println(map[bool]int{true: 1, false: 0})
}
