package main

func main() {
L:
	{
		break L
	}
}
