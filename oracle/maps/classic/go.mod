module stackorheap.dev/oracle/maps/classic

go 1.19

require stackorheap.dev/oracle/maps/probekit v0.0.0

replace stackorheap.dev/oracle/maps/probekit => ../probekit
