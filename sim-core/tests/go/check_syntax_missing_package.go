//go:build ignore

// Syntax error: the file has no package clause.
import "fmt"

func main() {
	fmt.Println("no package")
}
