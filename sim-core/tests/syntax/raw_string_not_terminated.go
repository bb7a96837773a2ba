package main

var s = `abc
def
