// Package tool was an app; now it is a library.
package tool
