-- The fresh build: the staging tables of its cubes ({stages}, bulk_fresh_cube.sql), dropped once every cube is written.
DROP TABLE {stages}
