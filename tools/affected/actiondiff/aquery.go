package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
)

// aquery is the part of `bazel aquery --output=jsonproto` (Bazel 4.2.3's
// layout, with path fragments) that the comparison reads.
type aquery struct {
	Artifacts []struct {
		ID             int `json:"id"`
		PathFragmentID int `json:"pathFragmentId"`
	} `json:"artifacts"`
	Actions []struct {
		TargetID        int    `json:"targetId"`
		ActionKey       string `json:"actionKey"`
		Mnemonic        string `json:"mnemonic"`
		InputDepSetIDs  []int  `json:"inputDepSetIds"`
		PrimaryOutputID int    `json:"primaryOutputId"`
		OutputIDs       []int  `json:"outputIds"`
	} `json:"actions"`
	Targets []struct {
		ID    int    `json:"id"`
		Label string `json:"label"`
	} `json:"targets"`
	DepSetOfFiles []struct {
		ID                  int   `json:"id"`
		DirectArtifactIDs   []int `json:"directArtifactIds"`
		TransitiveDepSetIDs []int `json:"transitiveDepSetIds"`
	} `json:"depSetOfFiles"`
	PathFragments []struct {
		ID       int    `json:"id"`
		Label    string `json:"label"`
		ParentID int    `json:"parentId"`
	} `json:"pathFragments"`
}

// action is one action, known by its primary output's path.
type action struct {
	label   string
	key     string
	depsets []int
}

// actionGraph is an aquery with artifacts as exec paths.
type actionGraph struct {
	paths    map[int]string      // artifact id -> exec path
	actions  map[string]*action  // primary output path -> action
	producer map[string]string   // any output path -> primary output path
	depsets  map[int]depSet      // id -> contents
	sources  map[string]bool     // input paths no action produces
	byLabel  map[string][]string // label -> its actions' primary outputs
}

type depSet struct{ direct, transitive []int }

func readAquery(file string) (*actionGraph, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var q aquery
	if err := json.Unmarshal(data, &q); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	frag := map[int]struct {
		label  string
		parent int
	}{}
	for _, f := range q.PathFragments {
		frag[f.ID] = struct {
			label  string
			parent int
		}{f.Label, f.ParentID}
	}
	var pathOf func(int) string
	pathOf = func(id int) string {
		f := frag[id]
		if f.parent == 0 {
			return f.label
		}
		return path.Join(pathOf(f.parent), f.label)
	}
	g := &actionGraph{paths: map[int]string{}, actions: map[string]*action{}, producer: map[string]string{},
		depsets: map[int]depSet{}, sources: map[string]bool{}, byLabel: map[string][]string{}}
	for _, a := range q.Artifacts {
		g.paths[a.ID] = pathOf(a.PathFragmentID)
	}
	targets := map[int]string{}
	for _, t := range q.Targets {
		targets[t.ID] = t.Label
	}
	for _, d := range q.DepSetOfFiles {
		g.depsets[d.ID] = depSet{d.DirectArtifactIDs, d.TransitiveDepSetIDs}
	}
	for _, a := range q.Actions {
		primary := g.paths[a.PrimaryOutputID]
		label := targets[a.TargetID]
		g.actions[primary] = &action{label: label, key: a.ActionKey, depsets: a.InputDepSetIDs}
		g.byLabel[label] = append(g.byLabel[label], primary)
		for _, o := range a.OutputIDs {
			g.producer[g.paths[o]] = primary
		}
	}
	for _, d := range q.DepSetOfFiles {
		for _, id := range d.DirectArtifactIDs {
			if p := g.paths[id]; g.producer[p] == "" {
				g.sources[p] = true
			}
		}
	}
	return g, nil
}
