package main

var r = '