// Package main.
package main

import "fmt

func main() {
}
