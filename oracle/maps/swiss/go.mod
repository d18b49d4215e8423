module stackorheap.dev/oracle/maps/swiss

go 1.26

require stackorheap.dev/oracle/maps/probekit v0.0.0

replace stackorheap.dev/oracle/maps/probekit => ../probekit
