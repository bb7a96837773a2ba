package main

func main() {
	f := func[T any](x T) {}
	_ = f
}
