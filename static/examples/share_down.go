package main

func main() {
	n := 10
	multiply(&n)
}

func multiply(v *int) {
	*v = *v * 2
}
