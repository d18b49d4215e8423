module stackorheap.dev/oracle/facts

go 1.19

require stackorheap.dev/oracle/maps/probekit v0.0.0

replace stackorheap.dev/oracle/maps/probekit => ../maps/probekit
