// Command rasad reads Persian, Arabic and English news and turns it into a
// record of political events; see README.md.
package main

import (
	"os"

	"github.com/rasad/rasad/internal/cli"
)

func main() { os.Exit(cli.Run()) }
