package main

import (
	"fmt"

	"example.com/m/libs/x"
	"github.com/pkg/errors"
)

func main() { fmt.Println(errors.New(x.X)) }
