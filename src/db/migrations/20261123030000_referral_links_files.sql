-- Referrals, third part (issue 5): single-use links for external receivers, the screening file of a
-- lead, and the source id that makes the referrals CSV import idempotent.

-- An external receiver (an organisation of kind 'external', without users) gets an e-mail with a
-- personal link. Only an HMAC of the 256-bit token is stored (as user_tokens); the link expires after
-- 30 days and is used up when the outcome is reported. One active link per referral: sending a new one
-- revokes the old.
create table referral_links (
  id uuid primary key default gen_random_uuid(),
  referral_id uuid not null references referrals(id) on delete cascade,
  token_hash text not null unique,
  email text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz
);
create unique index referral_links_one_active on referral_links (referral_id) where used_at is null and revoked_at is null;

-- Failed look-ups of the public link page, per address, for throttling (as login_failures).
create table referral_link_failures (
  id bigserial primary key,
  ip text not null,
  failed_at timestamptz not null
);
create index referral_link_failures_ip on referral_link_failures (ip, failed_at);

-- The screening attached to a lead: the bytes live in DATA_DIR/referral-files/<storage_id>, the
-- metadata here.
create table referral_files (
  id uuid primary key default gen_random_uuid(),
  referral_id uuid not null references referrals(id) on delete cascade,
  storage_id text not null unique check (storage_id ~ '^[0-9a-f]{32}$'),
  original_name text not null check (length(original_name) between 1 and 200),
  media_type text not null,
  size_bytes int not null check (size_bytes > 0),
  sha256 text not null,
  uploaded_by uuid references users(id),
  uploaded_at timestamptz not null
);
create index referral_files_referral on referral_files (referral_id, uploaded_at);

-- The referrals CSV import keys referrals on the source system's id.
alter table referrals add column source_id text unique check (source_id is null or length(source_id) between 1 and 100);
