-- Company search without text lists companies by name (a whole region, page by page). Walking this
-- index in order finds a page without sorting every company of the region (bench/README.md).
create index companies_name_order on companies (name, id) where merged_into_id is null;
