package main

func firstThree() []int {
	var arr [8]int
	for i := range arr {
		arr[i] = i
	}
	return arr[:3]
}

func main() {
	s := firstThree()
	println(len(s), s[2])
}
