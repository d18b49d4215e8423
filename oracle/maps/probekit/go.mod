module stackorheap.dev/oracle/maps/probekit

go 1.19
