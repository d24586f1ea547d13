package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

var phaseColor = map[string]color.RGBA{
	"cold":      {0xc0, 0x39, 0x2b, 0xff},
	"rerun":     {0xe6, 0x7e, 0x22, 0xff},
	"no-op":     {0x27, 0xae, 0x60, 0xff},
	"leaf":      {0x29, 0x80, 0xb9, 0xff},
	"root":      {0x8e, 0x44, 0xad, 0xff},
	"leaf-aged": {0x16, 0xa0, 0x85, 0xff},
}

// writePlot draws median seconds (log scale) against N for every phase,
// Bazel solid and go dashed, as a PNG.
func writePlot(path string, all []sizeResult) error {
	const w, h, left, right, top, bottom = 900, 520, 70, 220, 40, 50
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fill(img, img.Bounds(), color.White)
	plot := image.Rect(left, top, w-right, h-bottom)

	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range all {
		for _, p := range phases {
			for _, v := range []float64{median(r.Bazel[p]).Seconds, median(r.Go[p]).Seconds} {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	lo, hi = math.Pow(10, math.Floor(math.Log10(math.Max(lo, 0.01)))), math.Pow(10, math.Ceil(math.Log10(hi)))
	minN, maxN := float64(all[0].Shape.Libs), float64(all[len(all)-1].Shape.Libs)
	if maxN == minN {
		maxN = minN + 1
	}
	// N on a log scale too: 25 to 1000 spreads the small sizes out.
	x := func(n int) int {
		return plot.Min.X + int(float64(plot.Dx())*(math.Log(float64(n))-math.Log(minN))/(math.Log(maxN)-math.Log(minN)))
	}
	y := func(s float64) int {
		return plot.Max.Y - int(float64(plot.Dy())*(math.Log10(math.Max(s, lo))-math.Log10(lo))/(math.Log10(hi)-math.Log10(lo)))
	}

	grey := color.RGBA{0xdd, 0xdd, 0xdd, 0xff}
	for d := lo; d <= hi*1.001; d *= 10 {
		line(img, plot.Min.X, y(d), plot.Max.X, y(d), grey, 0)
		label(img, 8, y(d)+4, fmt.Sprintf("%gs", d))
	}
	for _, r := range all {
		line(img, x(r.Shape.Libs), plot.Min.Y, x(r.Shape.Libs), plot.Max.Y, grey, 0)
		label(img, x(r.Shape.Libs)-10, plot.Max.Y+18, fmt.Sprint(r.Shape.Libs))
	}
	label(img, plot.Min.X+plot.Dx()/2-40, h-10, "N (libs, log scale)")
	label(img, left, 22, "median seconds (log scale): bazel solid, go dashed")
	line(img, plot.Min.X, plot.Max.Y, plot.Max.X, plot.Max.Y, color.Black, 0)
	line(img, plot.Min.X, plot.Min.Y, plot.Min.X, plot.Max.Y, color.Black, 0)

	for i, p := range phases {
		c := phaseColor[p]
		for k := 1; k < len(all); k++ {
			a, b := all[k-1], all[k]
			line(img, x(a.Shape.Libs), y(median(a.Bazel[p]).Seconds), x(b.Shape.Libs), y(median(b.Bazel[p]).Seconds), c, 0)
			line(img, x(a.Shape.Libs), y(median(a.Go[p]).Seconds), x(b.Shape.Libs), y(median(b.Go[p]).Seconds), c, 6)
		}
		for _, r := range all {
			dot(img, x(r.Shape.Libs), y(median(r.Bazel[p]).Seconds), c)
			dot(img, x(r.Shape.Libs), y(median(r.Go[p]).Seconds), c)
		}
		ly := top + 20 + 22*i
		line(img, w-right+15, ly-4, w-right+45, ly-4, c, 0)
		label(img, w-right+52, ly, p)
	}

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func fill(img *image.RGBA, r image.Rectangle, c color.Color) {
	for py := r.Min.Y; py < r.Max.Y; py++ {
		for px := r.Min.X; px < r.Max.X; px++ {
			img.Set(px, py, c)
		}
	}
}

// line draws a 2-pixel line; dash > 0 draws dash pixels on, dash off.
func line(img *image.RGBA, x0, y0, x1, y1 int, c color.Color, dash int) {
	steps := max(abs(x1-x0), abs(y1-y0), 1)
	for i := 0; i <= steps; i++ {
		if dash > 0 && (i/dash)%2 == 1 {
			continue
		}
		px := x0 + (x1-x0)*i/steps
		py := y0 + (y1-y0)*i/steps
		img.Set(px, py, c)
		img.Set(px, py+1, c)
	}
}

func dot(img *image.RGBA, cx, cy int, c color.Color) {
	fill(img, image.Rect(cx-3, cy-3, cx+4, cy+4), c)
}

func label(img *image.RGBA, px, py int, s string) {
	d := font.Drawer{Dst: img, Src: image.Black, Face: basicfont.Face7x13, Dot: fixed.P(px, py)}
	d.DrawString(s)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
