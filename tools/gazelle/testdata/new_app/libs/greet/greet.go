package greet
