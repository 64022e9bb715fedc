// gov-service-cases: a less eager garbage collector (build 8), copied into cmd/ferretdb by
// scripts/ensure-ferretdb.sh.
//
// Every document FerretDB writes is decoded from BSON, converted, marshalled to sjson and handed to
// SQLite, all short-lived garbage: in a CPU profile of a projector rebuild the collector (marking,
// sweeping, write barriers, allocation slow paths) took about a quarter of FerretDB's time at Go's
// default GOGC=100. Its live heap is small (the metadata registry, a connection's batch), so a
// collection at every 400 % of growth instead of 100 % costs a few tens of MB and saves most of
// that. A GOGC set in the environment still wins.

package main

import (
	"os"
	"runtime/debug"
)

func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
