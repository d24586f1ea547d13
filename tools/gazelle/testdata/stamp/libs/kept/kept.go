package kept

var v string
