"""The booking surge benchmark's own Django settings and bare-view URL (never part of the production URLs)."""
