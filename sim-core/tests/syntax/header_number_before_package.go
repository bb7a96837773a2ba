0opackage main

func main() {
}
