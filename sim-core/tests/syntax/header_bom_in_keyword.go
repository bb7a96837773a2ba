pa﻿ckage main

func main() {
}
